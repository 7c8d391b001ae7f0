"""A Redis cache that degrades instead of failing: while Redis is unreachable, this process's
memory stands in (logged), so sign-in and the workbench keep working.

What is lost while Redis is down is only what the cache shares between processes: login
rate-limit counters become per process until Redis is back. The glossary's matcher does not
depend on the cache (its version lives in the database).
"""

import logging
import time

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5.0  # how long to stay on the fallback before trying Redis again
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class FallbackRedisCache(BaseCache):
    """Django's ``RedisCache``, with this process's memory as a fallback while Redis is down.

    Args:
        server: the Redis URL (``LOCATION``).
        params: the cache's settings; ``OPTIONS`` go to the Redis connection pool (short
            ``socket_connect_timeout`` and ``socket_timeout`` keep a dead server from
            stalling requests; defaults 0.5 s).
    """

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(params)
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
        options.update(params.get("OPTIONS", {}))
        self._redis = RedisCache(server, {**params, "OPTIONS": options})
        self._local = LocMemCache(f"fallback-{server}", params)
        self._down_until = 0.0

    def _call(self, method: str, *args, **kwargs):
        """Run ``method`` on Redis, or on the fallback while Redis is known to be down."""
        if time.monotonic() >= self._down_until:
            try:
                return getattr(self._redis, method)(*args, **kwargs)
            except UNREACHABLE as exc:
                self._down_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Redis unreachable (%s); using this process's memory", exc)
        return getattr(self._local, method)(*args, **kwargs)

    def add(self, key, value, timeout=..., version=None):  # noqa: D102 - as BaseCache
        return self._call("add", key, value, self._timeout(timeout), version)

    def get(self, key, default=None, version=None):  # noqa: D102
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=..., version=None):  # noqa: D102
        return self._call("set", key, value, self._timeout(timeout), version)

    def touch(self, key, timeout=..., version=None):  # noqa: D102
        return self._call("touch", key, self._timeout(timeout), version)

    def delete(self, key, version=None):  # noqa: D102
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):  # noqa: D102
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):  # noqa: D102
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):  # noqa: D102
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=..., version=None):  # noqa: D102
        return self._call("set_many", data, self._timeout(timeout), version)

    def delete_many(self, keys, version=None):  # noqa: D102
        return self._call("delete_many", keys, version)

    def clear(self):  # noqa: D102
        self._local.clear()
        return self._call("clear")

    def close(self, **kwargs):  # noqa: D102
        self._redis.close(**kwargs)

    def _timeout(self, timeout):
        return self.default_timeout if timeout is ... else timeout
