"""Pydantic models of the wire format; they also make the published OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class FieldChange(BaseModel):
    value: Any = None
    base_seq: int = 0
    # The value the client's edit started from, shown in the conflicts inbox.
    base: Any = None


class Mutation(BaseModel):
    client_seq: int = Field(ge=1)
    mutation_id: str
    tx: str | None = None
    entity: str
    id: str
    op: Literal["insert", "update", "delete", "restore"]
    hlc: str
    base_seq: int = 0
    fields: dict[str, FieldChange] = Field(default_factory=dict)


class PushRequest(BaseModel):
    client_id: str
    epoch: str
    schema_version: int = 1
    mutations: list[Mutation]


class MutationResult(BaseModel):
    client_seq: int
    mutation_id: str
    status: Literal["applied", "merged", "proposal", "duplicate", "rejected"]
    seq: int | None = None
    error: dict[str, Any] | None = None
    conflicts: list[dict[str, Any]] = Field(default_factory=list)


class PushResponse(BaseModel):
    seq: int | None
    results: list[dict[str, Any]]
    last_client_seq: int
    server_time: str


class Change(BaseModel):
    seq: int
    entity: str
    id: str
    # "remove": the account left the user's scope; drop the local copy, do not delete it.
    op: Literal["upsert", "delete", "remove"]
    row: dict[str, Any]
    field_seq: dict[str, Any]
    field_hlc: dict[str, Any]
    deleted_seq: int | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    server_time: str


class DeviceRequest(BaseModel):
    client_id: str
    name: str = ""
    app_version: str = ""


class CheckpointRequest(BaseModel):
    client_id: str
    # The cursor up to which the device has applied every change.
    cursor: str


class ResolveRequest(BaseModel):
    resolution: Literal["kept_theirs", "used_mine", "merged", "accepted", "dismissed"]
