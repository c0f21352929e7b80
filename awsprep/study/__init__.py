"""Use cases: a review session and an exam's life cycle, as plain Python over store protocols.

Nothing here reads the clock, global randomness or a terminal: `now`, a monotonic clock, a
`random.Random` and the face that talks to the learner are handed in (see `ports.py`).
"""
