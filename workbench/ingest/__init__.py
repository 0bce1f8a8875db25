"""Files → Article: decoding, page layout (headline, dates, byline, body, clutter)."""
