"""Tables → files (pandas). pandas is imported only when an export runs."""
