"""Per-conversation bearer tokens.

The token is a capability: whoever holds it may continue that one conversation. It is shown
once, at creation; only its sha256 is stored, so a leaked database does not leak tokens, and
it is compared in constant time so response timing says nothing about how close a guess was.
A 256-bit random token needs no slow hash: there is nothing to brute-force.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), token_hash)
