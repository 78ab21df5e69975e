"""Offline text analysis: sentiment, emotions, crisis-risk signals and life-area themes.

A plain library over PyTorch and NumPy. It knows nothing of HTTP or the database; the
service's `analysis` domain calls it. Training and evaluation live in `ml.training` and are
never imported by the running service.
"""
