"""Schedules, deadlines and reminder delivery (platform-free)."""
