"""Targets, measurements and status with evidence, from task and progress texts.

Pure Python, no Django. ``analyze_task(task, period)`` and ``analyze_document(doc)`` are the
entry points (see luoshi.extract.analyze); thresholds and word lists are in
``luoshi.extract.rules``.
"""
