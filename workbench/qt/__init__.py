"""The Qt layer: windows, panels, item models and the task runner. Nothing below imports it."""
