"""Domain errors and the handlers that turn every failure into JSON `{"detail": ...}`.

Code below the routers raises `AppError` subclasses (no `HTTPException`), so services stay
usable from the CLI and tests. Bad input is a 4xx with a clear detail; anything unexpected
is a bare 500 whose details go to the log, never to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)


class AppError(Exception):
    """An expected failure with an HTTP status; `detail` is safe to show to the caller."""

    status_code: int = 400
    detail: str = "Bad request."

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(detail or self.detail)
        self.detail = detail or self.detail
        self.headers = headers


class BadRequest(AppError):
    status_code = 400


class Unauthorized(AppError):
    status_code = 401
    detail = "Authentication required."

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer", **(headers or {})})


class Forbidden(AppError):
    status_code = 403
    detail = "Not allowed."


class NotFound(AppError):
    status_code = 404
    detail = "Not found."


class Conflict(AppError):
    status_code = 409
    detail = "Conflict."


class PayloadTooLarge(AppError):
    status_code = 413
    detail = "Request too large."


def _error_body(detail: Any, error: str) -> dict[str, Any]:
    return {"detail": detail, "error": error}


async def _app_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return JSONResponse(
        _error_body(exc.detail, type(exc).__name__),
        status_code=exc.status_code,
        headers=exc.headers,
    )


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 with pydantic's error list, minus the echoed input (it may be huge or private)."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {key: value for key, value in error.items() if key not in ("input", "ctx", "url")}
        for error in exc.errors()
    ]
    return JSONResponse(_error_body(jsonable_encoder(errors), "ValidationError"), status_code=422)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(_error_body("Internal server error.", "InternalError"), status_code=500)


def install_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
