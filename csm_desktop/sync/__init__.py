"""Optional team sync: outbox capture, push and pull against the team server.

Qt-free; the UI runs ``SyncEngine.run`` through ``ui.workers.JobRunner``.
"""
