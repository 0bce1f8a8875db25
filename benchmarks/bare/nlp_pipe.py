"""Bare spaCy: load the pipeline with the given components enabled and run `nlp.pipe`
over texts (a JSON list in a file), touching every entity — the baseline of analysis.

    python benchmarks/bare/nlp_pipe.py PIPELINE TEXTS.json COMPONENTS [PROCESSES]
"""

import json
import sys

import spacy

name, texts_file, components = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
processes = int(sys.argv[4]) if len(sys.argv) > 4 else 1
with open(texts_file, encoding="utf-8") as handle:
    texts = json.load(handle)
nlp = spacy.load(name)
nlp.select_pipes(enable=components)
mentions = 0
for doc in nlp.pipe(texts, batch_size=64, n_process=processes):
    mentions += sum(1 for _ in doc.ents)
print("mentions", mentions)
