"""The bundled demo corpus for `framing demo`. Read through framing.resources, never imported."""
