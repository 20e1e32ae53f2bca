"""The reporting round (填报轮次): roles, entries, review, reminders, history (issue 6)."""
