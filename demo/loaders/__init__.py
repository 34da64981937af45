"""Loaders, one per topic, each reading its files in ``demo/data`` and writing through the
models and the apps' services. Run in this order; each builds on the ones before it. Every
loader is idempotent: rows are found by slug, natural key or position and updated in place,
so loading again keeps their ids."""
