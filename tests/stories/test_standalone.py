"""Which source sentences stand out of their article, as story titles and briefing leads."""

from __future__ import annotations

import pytest

from livebrief.stories.standalone import stands_alone


@pytest.mark.parametrize("sentence, alone", [
    ("Russian drones attacked the Odesa region overnight, the governor said.", True),
    ("Italy's defence minister said the jets would arrive in the spring.", True),  # "Italy's", not "Its"
    ("Theresa May said the talks would resume.", True),  # "The…" is no "The latter"
    ("He declined to give details of where the hostage is held.", False),
    ("Its Defence Ministry said two ships had been damaged.", False),
    ("“They will pay for this,” the mayor said.", False),  # a quote that opens by pointing back
    ("These strikes were the heaviest in weeks.", False),
    ("This week, Russian drones struck the port twice.", True),  # the calendar's week, not an earlier one
    ("The latter said the deal was dead.", False),
    ("Remember those Kurdish forces who defended Kobane?", False),
    ("Most have spent four years under siege and arrive hungry.", False),  # most of whom?
    ("Many of them were children, the agency said.", False),
    ("Most Syrians in the camp arrived this month.", True),  # the portion names its people
    ("The minister has banned such cash transfers to the camps.", False),  # such as what?
    ("Allies such as Poland sent tanks in such a hurry that crews were untrained.", True),
    ("“Who will rebuild the port?” asked the mayor", True),  # a question quoted inside a report
])
def test_a_sentence_stands_alone_unless_it_points_back_or_asks(sentence, alone):
    assert stands_alone(sentence) is alone
