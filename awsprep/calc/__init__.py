"""Calculators: DynamoDB capacity, Lambda cost, Kinesis shards, numeric question generators.

Pure functions, stdlib only (plus awsprep.errors): no clock, no global randomness, no I/O beyond
reading the packaged price table. Import the submodules directly; this file stays empty so that
`awsprep calc` starts fast.
"""
