"""Line items to CMA rows: memory, vocabulary with context rules, similarity, calibration.

Public API (for the Django classify step, POST /api/v1/classify and cma_classify):
- classifier.Classifier: classify(items) -> verdicts, in order
- context.ItemContext, context.Verdict: what it sees and what it answers
- policy.Policy (from_dict, to_dict, describe), policy.PolicyError: firm settings
- memory.Memory, memory.Remembered: the firm's earlier decisions
- normalise.label_key, normalise.context_key: the keys decisions are stored under
- external.ExternalClassifier: the optional LLM second opinion
The vocabulary and the calibration table are data files under data/.
"""
