"""Models of the glossary app: areas and plain-English terms (coming with the content issue)."""
