"""Background jobs on the project's own database: a web upload is stored, a job row queued,
and a worker (``luoshi worker``, or a thread of the web process with ``LUOSHI_JOBS_INLINE``)
reads and imports it while the page shows the job's state. ``luoshi.jobs.queue`` has the rules.
"""
