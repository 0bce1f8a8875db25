"""spaCy → entity spans. spaCy itself is imported only when a pipeline is loaded."""
