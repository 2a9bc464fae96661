"""Values that must not appear in a finding: Flink's own list of sensitive keys.

A key is sensitive when its lower-cased name contains one of these words
(``GlobalConfiguration.isSensitive``, Flink 2.3); Flink then logs ``******`` for the value, and
so does every message flinklint writes (CI logs are not the place for a keystore password).
"""

from __future__ import annotations

SENSITIVE_WORDS = (
    "password", "secret", "fs.azure.account.key", "apikey", "api-key", "auth-params",
    "service-key", "token", "basic-auth", "jaas.config", "http-headers",
)
HIDDEN = "******"


def is_sensitive(key: str) -> bool:
    lower = key.lower()
    return any(word in lower for word in SENSITIVE_WORDS)


def shown(key: str, value: str) -> str:
    """``value`` quoted for a message, or ``******`` for a sensitive key."""
    return HIDDEN if is_sensitive(key) else repr(value)
