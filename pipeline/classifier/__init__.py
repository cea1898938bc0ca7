"""Line items to CMA rows: memory, vocabulary with context rules, similarity, calibration.

Public API (used by the Django classify step, the API and `cma_classify`):
`Classifier`, `ItemContext`, `Verdict`, `Policy`, `PolicyError`, `Memory`,
`Remembered`, `ExternalClassifier`, `label_key`, `context_key`.
"""
