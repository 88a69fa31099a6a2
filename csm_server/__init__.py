"""Reference team sync server for CSM Desktop (``pip install csm-desktop[server]``).

The server is the authority: desktop apps push field-level mutations from
their outbox and pull the team's changes ordered by a per-team sequence.
"""

PROTOCOL_MIN = 1
PROTOCOL_MAX = 1
# Synced field set the server understands; bumped by each change to the
# entity registry in ``policies``. Version 2 added ``account.executive_sponsor``.
SCHEMA_VERSION = 2
