"""Views of the interviews app, one module per part of the product.

Every view requires a signed-in user: ``LoginRequiredMiddleware`` enforces it project-wide, so a
new view cannot forget it. What a signed-in user may see or change is checked in each view,
first thing, through the helpers in ``interviews.access``.
"""
