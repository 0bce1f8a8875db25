"""Use-cases: open a project, import, analyse, add/edit/delete claims, undo, export.

Every mutation returns a ChangeSet saying what it changed.
"""
