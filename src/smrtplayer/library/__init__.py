"""Course library: manifests, fingerprints, scanning and safe import."""
