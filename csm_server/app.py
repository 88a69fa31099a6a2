"""FastAPI application: routes, problem+json errors, rate limits and test fault control."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, insert, select, update

from csm_server import PROTOCOL_MAX, PROTOCOL_MIN, SCHEMA_VERSION, faults
from csm_server.auth import SessionResponse, authenticate, issue_access_token, touch_token
from csm_server.db import make_engine
from csm_server.errors import ProblemError
from csm_server.horizon import record_checkpoint, start_epoch_after_lost_history
from csm_server.merge import Principal
from csm_server.pull import HistoryLost, checksum, client_schema, pull_page
from csm_server.push import handle_push
from csm_server.records import load_record, save_record
from csm_server.schema import sync_client, team
from csm_server.settings import Settings
from csm_server.wire import (
    CheckpointRequest,
    DeviceRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
)

log = logging.getLogger(__name__)


class RateLimiter:
    """Fixed one-minute windows per token; enough to stop a retry storm."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._windows: dict[uuid.UUID, tuple[int, int]] = {}

    def check(self, token_id: uuid.UUID) -> None:
        if self.per_minute <= 0:
            return
        minute = int(time.time() // 60)
        with self._lock:
            window, count = self._windows.get(token_id, (minute, 0))
            if window != minute:
                window, count = minute, 0
            count += 1
            self._windows[token_id] = (window, count)
        if count > self.per_minute:
            retry_after = max(1, int((minute + 1) * 60 - time.time()))
            error = ProblemError(
                429,
                "rate_limited",
                f"more than {self.per_minute} requests per minute; wait and retry",
                retry_after=retry_after,
            )
            error.headers["Retry-After"] = str(retry_after)
            raise error


# How often a token's last_used_at is written; a write per request would serialise SQLite.
TOKEN_TOUCH_INTERVAL_S = 60


def current_user(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    sync_protocol: Annotated[str | None, Header()] = None,
) -> Principal:
    """Check the protocol version, body size, token and rate limit of a request."""
    user, _token_id = _authenticate_request(request, authorization, sync_protocol)
    return user


def current_personal_token(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    sync_protocol: Annotated[str | None, Header()] = None,
) -> uuid.UUID:
    """Return the id of the personal access token sent as the bearer; access tokens get 401."""
    _user, token_id = _authenticate_request(
        request, authorization, sync_protocol, allow_access_token=False
    )
    return token_id


def _authenticate_request(
    request: Request,
    authorization: str | None,
    sync_protocol: str | None,
    *,
    allow_access_token: bool = True,
) -> tuple[Principal, uuid.UUID]:
    state = request.app.state
    settings: Settings = state.settings
    _check_protocol(sync_protocol, settings)
    length = request.headers.get("content-length", "0")
    if length.isdigit() and int(length) > settings.max_body_bytes:
        raise ProblemError(
            413, "batch_too_large", "request body too large", max_batch=settings.max_batch
        )
    with state.engine.connect().execution_options(read_only=True) as conn:
        user, token_id = authenticate(conn, authorization, allow_access_token=allow_access_token)
    now = time.monotonic()
    if now - state.touched.get(token_id, -TOKEN_TOUCH_INTERVAL_S) >= TOKEN_TOUCH_INTERVAL_S:
        state.touched[token_id] = now
        with state.engine.begin() as conn:
            touch_token(conn, token_id)
    state.limiter.check(token_id)
    return user, token_id


CurrentUser = Annotated[Principal, Depends(current_user)]
CurrentPersonalToken = Annotated[uuid.UUID, Depends(current_personal_token)]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    app = FastAPI(
        title="CSM Desktop team sync",
        version="1",
        description="Push field-level changes, pull the team's changes in order.",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.limiter = RateLimiter(settings.rate_limit_per_minute)
    app.state.touched = {}
    _install_error_handlers(app)
    _install_routes(app, engine, settings)
    if settings.test_mode:
        _install_test_routes(app)
    log.info("Sync server app created (test mode %s)", settings.test_mode)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    def _problem(_request: Request, error: ProblemError) -> JSONResponse:
        if error.status >= 500:
            log.error("Request failed: %s", error)
        body = {
            "type": "about:blank",
            "title": error.code,
            "status": error.status,
            "code": error.code,
            "detail": error.detail,
            **error.extra,
        }
        return JSONResponse(
            body,
            status_code=error.status,
            headers=error.headers,
            media_type="application/problem+json",
        )

    @app.exception_handler(RequestValidationError)
    def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        body = {
            "type": "about:blank",
            "title": "schema_invalid",
            "status": 422,
            "code": "schema_invalid",
            "detail": str(error.errors()[:3]),
        }
        return JSONResponse(body, status_code=422, media_type="application/problem+json")


def _install_routes(app: FastAPI, engine: Engine, settings: Settings) -> None:
    @app.get("/healthz")
    def healthz() -> dict:
        with engine.connect() as conn:
            conn.execute(select(1))
        return {"status": "ok"}

    @app.post("/v1/auth/session", response_model=SessionResponse)
    def start_session(token_id: CurrentPersonalToken) -> SessionResponse:
        """Exchange the personal access token in the bearer for a short-lived access token."""
        with engine.begin() as conn:
            return issue_access_token(conn, token_id, settings.access_token_ttl_s)

    @app.get("/v1/meta")
    def meta(user: CurrentUser) -> dict:
        with engine.connect().execution_options(read_only=True) as conn:
            row = conn.execute(select(team).where(team.c.id == user.team_id)).one()
        return {
            "server_time": _now_iso(),
            "server_time_ms": int(time.time() * 1000),
            "epoch": str(row.epoch),
            "protocol": [PROTOCOL_MIN, PROTOCOL_MAX],
            "schema_version": SCHEMA_VERSION,
            "min_app_version": settings.min_app_version,
            "user": {
                "id": str(user.user_id),
                "email": user.email,
                "name": user.name,
                "role": user.role,
                "team_id": str(user.team_id),
            },
            "limits": {
                "max_batch": settings.max_batch,
                "page_size": settings.default_page,
                "max_clock_ahead_ms": settings.max_clock_ahead_ms,
            },
            "team_seq": row.seq,
            "min_cursor_seq": row.min_cursor_seq,
            "checksum_supported": True,
        }

    @app.post("/v1/devices")
    def register_device(body: DeviceRequest, user: CurrentUser) -> dict:
        return _register_device(engine, user, body)

    @app.post("/v1/sync/push", response_model=PushResponse)
    def push(body: PushRequest, user: CurrentUser) -> dict:
        if body.schema_version > SCHEMA_VERSION:
            raise ProblemError(
                409,
                "server_schema_behind",
                "this server is older than the app; ask your admin to upgrade it",
                schema_version=SCHEMA_VERSION,
            )
        # A Response instance skips FastAPI's re-validation and encoding of large bodies.
        return JSONResponse(handle_push(engine, settings, user, body.model_dump()))

    @app.get("/v1/sync/pull", response_model=PullResponse)
    def pull(
        user: CurrentUser,
        cursor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=2000)] = 500,
        entity: str | None = None,
        sync_schema: Annotated[str | None, Header()] = None,
    ) -> dict:
        schema_version = client_schema(sync_schema)
        try:
            with engine.connect().execution_options(read_only=True) as conn, conn.begin():
                page = pull_page(
                    conn, user, cursor, min(limit, settings.max_page), entity, schema_version
                )
        except HistoryLost as lost:
            raise start_epoch_after_lost_history(engine, lost) from lost
        faults.exit_if("pull.exit_after_page")
        return JSONResponse({**page, "server_time": _now_iso()})

    @app.post("/v1/sync/checkpoint")
    def checkpoint(body: CheckpointRequest, user: CurrentUser) -> dict:
        try:
            seq = record_checkpoint(engine, user, _device_id(body.client_id), body.cursor)
        except HistoryLost as lost:
            raise start_epoch_after_lost_history(engine, lost) from lost
        return {"client_id": body.client_id, "pulled_seq": seq}

    @app.get("/v1/sync/checksum")
    def sync_checksum(at_seq: int, user: CurrentUser) -> dict:
        try:
            with engine.connect().execution_options(read_only=True) as conn, conn.begin():
                entities = checksum(conn, user, at_seq)
                seq = conn.execute(select(team.c.seq).where(team.c.id == user.team_id)).scalar_one()
        except HistoryLost as lost:
            raise start_epoch_after_lost_history(engine, lost) from lost
        return {"at_seq": at_seq, "team_seq": seq, "entities": entities}

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve(conflict_id: uuid.UUID, body: ResolveRequest, user: CurrentUser) -> dict:
        return _resolve_conflict(engine, user, conflict_id, body.resolution)


def _check_protocol(header: str | None, settings: Settings) -> None:
    try:
        version = int(header) if header else PROTOCOL_MIN
    except ValueError:
        version = -1
    if not PROTOCOL_MIN <= version <= PROTOCOL_MAX:
        raise ProblemError(
            426,
            "upgrade_required",
            "This version of CSM Desktop is too old for "
            "the team server. Install the latest version to sync again; your "
            "local data is unchanged.",
            min_app_version=settings.min_app_version,
        )


def _register_device(engine: Engine, user: Principal, body: DeviceRequest) -> dict:
    client_id = uuid.UUID(body.client_id)
    with engine.begin() as conn:
        row = conn.execute(select(sync_client).where(sync_client.c.id == client_id)).first()
        if row is not None and row.user_id != user.user_id:
            raise ProblemError(403, "forbidden", "this device id belongs to another user")
        if row is None:
            conn.execute(
                insert(sync_client).values(
                    id=client_id,
                    user_id=user.user_id,
                    team_id=user.team_id,
                    name=body.name,
                    app_version=body.app_version,
                    registered_at=datetime.now(UTC),
                )
            )
            log.info("Registered device %s for user %s", client_id, user.user_id)
            last = 0
        else:
            if row.revoked_at is not None:
                raise ProblemError(401, "device_revoked", "this device was revoked by an admin")
            last = row.last_client_seq
    return {"client_id": str(client_id), "last_client_seq": last}


def _resolve_conflict(
    engine: Engine, user: Principal, conflict_id: uuid.UUID, resolution: str
) -> dict:
    """Record who resolved a conflict and how; the chosen value travels as a normal push."""
    with engine.begin() as conn:
        record = load_record(conn, user.team_id, "sync_conflict", conflict_id)
        if not record.exists:
            raise ProblemError(404, "not_found", f"conflict {conflict_id} not found")
        involved = user.email in (record.data.get("kept_actor"), record.data.get("other_actor"))
        if not (user.is_coordinator or involved):
            raise ProblemError(403, "forbidden", "only its authors or a coordinator can resolve it")
        seq = conn.execute(
            update(team)
            .where(team.c.id == user.team_id)
            .values(seq=team.c.seq + 1)
            .returning(team.c.seq)
        ).scalar_one()
        record.data = {
            **record.data,
            "status": "resolved",
            "resolution": resolution,
            "resolved_by": user.email,
        }
        record.seq = seq
        record.updated_by = user.user_id
        save_record(conn, user.team_id, record)
    log.info("Conflict %s resolved as %s by user %s", conflict_id, resolution, user.user_id)
    return {"conflict_id": str(conflict_id), "status": "resolved", "seq": seq}


def _device_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as exc:
        raise ProblemError(400, "invalid_request", f"client_id {text!r} is not a UUID") from exc


def _install_test_routes(app: FastAPI) -> None:
    """Add fault control and a log of every ``/v1`` request with its status and Retry-After."""
    app.state.request_log = []

    @app.middleware("http")
    async def record_request(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if request.url.path.startswith("/v1/"):
            app.state.request_log.append(
                {
                    "time": time.time(),
                    "method": request.method,
                    "path": request.url.path,
                    "status": response.status_code,
                    "retry_after": response.headers.get("Retry-After"),
                }
            )
        return response

    @app.post("/_test/faults", include_in_schema=False)
    def set_faults(body: dict) -> dict:
        faults.configure(body)
        return {"ok": True}

    @app.get("/_test/requests", include_in_schema=False)
    def requests() -> list[dict]:
        return list(app.state.request_log)


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()
