"""Actors: who makes claims, under every name the project knows them by.

A claim keeps its source as written; the actor is found through the alias table, so
merging two actors ("Choe Son Hui" and the misspelt "Chloe Son Hui") joins their claims
without rewriting any claim.
"""

from __future__ import annotations

from workbench.core.model import Actor


class ActorStore:
    """Mixed into ProjectStore: needs `_db` and `transaction()`."""

    def actors(self) -> list[Actor]:
        """Every actor with its aliases and number of claims, by name."""
        aliases: dict[int, list[str]] = {}
        for alias, actor_id in self._db.execute(
            "SELECT alias, actor_id FROM actor_aliases ORDER BY alias COLLATE NOCASE"
        ):
            aliases.setdefault(actor_id, []).append(alias)
        counts = dict(
            self._db.execute(
                "SELECT a.actor_id, count(c.id) FROM actor_aliases a"
                " JOIN claims c ON c.source = a.alias COLLATE NOCASE GROUP BY a.actor_id"
            )
        )
        rows = self._db.execute("SELECT id, name FROM actors ORDER BY name COLLATE NOCASE")
        return [Actor(i, name, tuple(aliases.get(i, ())), counts.get(i, 0)) for i, name in rows]

    def actor(self, actor_id: int) -> Actor | None:
        return next((a for a in self.actors() if a.id == actor_id), None)

    def actor_named(self, name: str) -> Actor | None:
        """The actor one of whose aliases is `name` (case-insensitive)."""
        row = self._db.execute("SELECT actor_id FROM actor_aliases WHERE alias = ?", (name.strip(),)).fetchone()
        return self.actor(row[0]) if row else None

    def ensure_actor(self, name: str) -> int | None:
        """The id of the actor known as `name`, made when there is none yet."""
        name = " ".join(name.split())
        if not name:
            return None
        with self.transaction() as db:
            row = db.execute("SELECT actor_id FROM actor_aliases WHERE alias = ?", (name,)).fetchone()
            if row:
                return row[0]
            actor_id = db.execute("INSERT INTO actors(name) VALUES (?)", (name,)).lastrowid
            db.execute("INSERT INTO actor_aliases(alias, actor_id) VALUES (?, ?)", (name, actor_id))
            return actor_id

    def set_actors(self, actors: list[Actor]) -> None:
        """Replace the whole actor list (undo and redo of actor edits restore it so)."""
        with self.transaction() as db:
            db.execute("DELETE FROM actor_aliases")
            db.execute("DELETE FROM actors")
            for actor in actors:
                db.execute("INSERT INTO actors(id, name) VALUES (?, ?)", (actor.id, actor.name))
                db.executemany(
                    "INSERT INTO actor_aliases(alias, actor_id) VALUES (?, ?)", [(a, actor.id) for a in actor.aliases]
                )
