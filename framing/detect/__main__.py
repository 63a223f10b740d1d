"""``python -m framing.detect --cv``: the classifier's cross-validated accuracy."""

import sys

from .classifier import main

sys.exit(main())
