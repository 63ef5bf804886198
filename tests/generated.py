"""Generated English news-like articles for volume and crash tests (deterministic per seed)."""

from __future__ import annotations

import random

_SUBJECTS = [
    "the provincial council",
    "a local official",
    "the health ministry",
    "residents of the district",
    "the town's mayor",
    "a convoy of trucks",
    "the transport authority",
    "farmers in the valley",
    "the electricity company",
    "a group of teachers",
    "the police chief",
    "engineers at the plant",
    "the water board",
    "shop owners near the market",
    "the customs office",
    "a hospital director",
]
_VERBS = [
    "announced",
    "reported",
    "described",
    "questioned",
    "welcomed",
    "criticised",
    "delayed",
    "approved",
    "inspected",
    "reviewed",
    "rejected",
    "confirmed",
    "discussed",
    "postponed",
]
_OBJECTS = [
    "a new budget for road repairs",
    "plans to widen the northern bridge",
    "the price of bread",
    "a shortage of fuel at petrol stations",
    "the reopening of two schools",
    "repairs to the grid",
    "a water treatment project",
    "changes to the bus timetable",
    "the harvest forecast",
    "a proposal to build a clinic",
    "delays at the border crossing",
    "new rules for street vendors",
]
_TAILS = [
    "on Monday",
    "late on Tuesday",
    "after a long meeting",
    "according to a statement",
    "despite strong objections",
    "in a brief interview",
    "for the third time this year",
    "during a visit to the area",
    "without giving details",
    "ahead of the holiday",
]


def generated_article(index: int, sentences: int = 12) -> str:
    """A plausible, unique English article body; distinct indices give unrelated texts."""
    rng = random.Random(index * 7919 + 17)
    lines = [f"Report number {index} from the regional desk."]
    for _ in range(sentences):
        amount = rng.randint(2, 9000)
        lines.append(
            f"{rng.choice(_SUBJECTS).capitalize()} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_TAILS)}, and {amount} people {rng.choice(['followed', 'joined', 'watched'])} "
            f"the {rng.choice(['debate', 'session', 'hearing', 'vote'])} {rng.choice(_TAILS)}."
        )
    return " ".join(lines)
