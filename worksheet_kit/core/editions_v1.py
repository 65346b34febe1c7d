# ruff: noqa: E501 (frozen data: one question a line)
"""Schema 1 (answers by position, before keys): each sheet's version -> its keys.

Generated once from commit 78a1706, before any rewording: for every sheet,
its schema-1 version -> {group: [[key, text], ...]} in position order (a
table's columns: [[key, column text], ...]). It is frozen, so answers stored
or exported by that site stay readable whatever the sheets say now. Do not
edit it; `core/editions.py` reads it, and the page carries its sheet's part.
"""

import json

TABLE: dict = json.loads(
    r"""
{
 "after-a-hurtful-conversation": {
  "dca3bf63d7": {
   "steps": [
    [
     "pause-signal",
     "Both: Agree on a pause signal, a word or gesture that means 'I need a break'. Then each say one hope for this talk, like 'I want us to understand each other.'"
    ],
    [
     "what-i-felt",
     "Speaker: Say what you felt during the hurtful talk, starting with 'I felt'. Talk about your own feelings, not what your partner did wrong. Keep it short."
    ],
    [
     "say-back",
     "Listener: Say back what you heard, in your own words. Keep going until the speaker says 'Yes, that's it.' Do not defend or explain yet."
    ],
    [
     "what-makes-sense",
     "Listener: Name one part of the speaker's feelings that makes sense to you. You do not have to agree with all of it."
    ],
    [
     "old-hurt",
     "Speaker: Say what from your past made this hit so hard: an old hurt, from this relationship or from before it, that the talk touched. The listener just listens."
    ],
    [
     "swap-roles",
     "Both: Swap roles. The listener now speaks and the speaker now listens. Go through steps 2 to 5 again."
    ],
    [
     "my-part",
     "Speaker, then Listener: Each of you names one thing you did that made the talk worse, and owns it without a 'but'."
    ],
    [
     "accept-apology",
     "Listener, then Speaker: Say whether you accept your partner's apology, or say what you still need before you can. 'I need more time' is a fine answer."
    ],
    [
     "next-time",
     "Both: Agree on one small thing each of you will do differently next time a talk gets hard. Write it down."
    ],
    [
     "thank-each-other",
     "Both: Thank each other for coming back to this. Do something kind or restful together, even for a few minutes."
    ]
   ]
  }
 },
 "apology-builder": {
  "d2118760df": {
   "columns": [
    [
     "what-i-did",
     "What I did (the specific act)"
    ],
    [
     "impact",
     "The impact, in my partner's words"
    ],
    [
     "responsibility",
     "I take responsibility (no \"but\")"
    ],
    [
     "repair",
     "What I will do to repair, and by when"
    ]
   ]
  }
 },
 "forgiveness-check": {
  "1f2613d20d": {
   "items": [
    [
     "not-ready",
     "I am not ready to think about forgiveness. That is a complete answer."
    ],
    [
     "hurt-fills-days",
     "The hurt still fills most of my days."
    ],
    [
     "talk-not-flooded",
     "Some days I can talk about what happened without feeling flooded."
    ],
    [
     "felt-heard",
     "I have said how this hurt me, and I feel my partner heard it."
    ],
    [
     "understand-why",
     "I understand some of why it happened, even though it was not OK."
    ],
    [
     "partner-responsible",
     "I feel my partner has taken responsibility for what they did."
    ],
    [
     "less-room",
     "I can picture a time when this hurt takes up less room than it does now."
    ],
    [
     "want-not-yet",
     "I want to forgive, but I do not feel it yet."
    ],
    [
     "let-go-of-even",
     "I have let go of wanting to get even, even though I still hurt."
    ],
    [
     "forgiven-want-change",
     "I have forgiven, and I still want some things to change."
    ],
    [
     "decided-not",
     "I have decided not to forgive, and that is my choice to make."
    ]
   ]
  }
 },
 "how-did-we-get-here": {
  "d05aa8cf9a": {
   "columns": [
    [
     "going-on",
     "What was going on"
    ],
    [
     "affected-us",
     "How it affected us"
    ],
    [
     "whose-part",
     "Whose part it was"
    ],
    [
     "want-instead",
     "What we want instead"
    ]
   ]
  }
 },
 "intimacy-menu": {
  "4e54c16700": {
   "items": [
    [
     "sit-close",
     "Sitting close together on the sofa."
    ],
    [
     "hold-hands",
     "Holding hands on a walk."
    ],
    [
     "long-hug",
     "A long hug, with no rush to let go."
    ],
    [
     "planned-date",
     "A planned date, just the two of us."
    ],
    [
     "meal-no-phones",
     "A meal together with our phones put away."
    ],
    [
     "talk-about-touch",
     "Talking about what kind of touch feels good, with no plan to act on it."
    ],
    [
     "miss-being-close",
     "Telling each other one thing we miss about being close."
    ],
    [
     "rub",
     "A back, hand, or foot rub."
    ],
    [
     "kissing",
     "Kissing."
    ],
    [
     "fall-asleep-close",
     "Falling asleep close together."
    ],
    [
     "fewer-clothes",
     "Touching with fewer clothes on, without going further."
    ],
    [
     "sexual-touch",
     "Sexual touch, going only as far as we both say yes to."
    ],
    [
     "having-sex",
     "Having sex, with either of us free to pause at any time."
    ]
   ]
  }
 },
 "is-therapy-right": {
  "6c1a453749": {
   "items": [
    [
     "same-fight",
     "We have the same fight again and again, and it never gets settled."
    ],
    [
     "thinks-most-days",
     "One of us still thinks about the betrayal most days, months later."
    ],
    [
     "cannot-talk",
     "We cannot talk about what happened without yelling, shutting down, or leaving."
    ],
    [
     "stuck-in-book",
     "We have tried the worksheets in this book and keep getting stuck in the same place."
    ],
    [
     "secret",
     "One of us is keeping a secret that affects the relationship."
    ],
    [
     "stay-or-not",
     "We are not sure whether to stay together, and we want help deciding."
    ],
    [
     "daily-life",
     "Trouble with sleep, work, or caring for children has lasted for weeks."
    ],
    [
     "low-or-anxious",
     "One of us feels low, anxious, or numb most of the time."
    ],
    [
     "neutral-person",
     "We would like a neutral person to help us talk."
    ],
    [
     "feel-close",
     "We want to feel close again, and we do not know how."
    ],
    [
     "afraid",
     "One of us feels afraid of the other."
    ],
    [
     "self-harm",
     "One of us has thoughts of self-harm or suicide."
    ]
   ]
  }
 },
 "our-negative-cycle": {
  "4938224c2c": {
   "centre": [
    [
     "centre",
     "What we both want underneath:"
    ]
   ],
   "stages": [
    [
     "i-feel",
     "When I feel ..."
    ],
    [
     "i-do",
     "I do ..."
    ],
    [
     "you-feel",
     "Then you feel ..."
    ],
    [
     "you-do",
     "You do ..."
    ]
   ]
  }
 },
 "promises-kept-log": {
  "91f51bd3ff": {
   "columns": [
    [
     "date",
     "Date"
    ],
    [
     "said-i-would",
     "What I said I would do"
    ],
    [
     "done",
     "Done?"
    ],
    [
     "what-it-meant",
     "What it meant to us"
    ]
   ]
  }
 },
 "questions-and-answers-agreement": {
  "45ad5ef726": {
   "prompts": [
    [
     "when-to-talk",
     "When we will talk about questions (day, time, how long), and when we will not (for example, at bedtime, at work, by text, or in front of children)."
    ],
    [
     "how-much-detail",
     "How much detail the partner who was hurt wants now. For example, facts like who, when, and whether it has ended, and whether to hear details that may be hard to forget."
    ],
    [
     "not-ready",
     "Questions either of us is not ready for yet, and any limits we agree on."
    ],
    [
     "honest-answer",
     "What an honest answer looks like for us, and what we do if one of us thinks an answer was not the whole truth."
    ],
    [
     "pause-signal",
     "Our pause signal, and what we do when one of us needs to stop."
    ],
    [
     "aftercare",
     "How we will look after ourselves and each other after a hard talk."
    ],
    [
     "review",
     "When we will look at this agreement again."
    ]
   ]
  }
 },
 "safety-check": {
  "97ab665f01": {
   "items": [
    [
     "hurt-body",
     "My partner has hit, pushed, grabbed, or hurt my body on purpose, even once."
    ],
    [
     "getting-worse",
     "My partner's violence is getting worse: it happens more often, or it hurts more than before."
    ],
    [
     "choked",
     "My partner has choked or strangled me, or pressed on my neck, even once."
    ],
    [
     "weapon",
     "My partner has threatened me with a weapon, or has a gun or other weapon that I am afraid of."
    ],
    [
     "threat-to-kill",
     "My partner has threatened to kill me."
    ],
    [
     "threat-to-hurt",
     "My partner has threatened to hurt me, our children, our pets, or themselves to get their way."
    ],
    [
     "threat-to-out",
     "My partner has threatened to \"out\" me, or to share my private things (like my sexuality, gender, health, or photos)."
    ],
    [
     "broke-things",
     "My partner has broken or thrown things, or blocked a door, to scare me."
    ],
    [
     "isolates",
     "My partner keeps me away from friends or family, or makes seeing them hard for me."
    ],
    [
     "checks-phone",
     "My partner checks my phone, messages, or location without my OK, or makes me share them."
    ],
    [
     "follows",
     "My partner follows me, watches me, or turns up where I am when I did not ask them to."
    ],
    [
     "controls-money",
     "My partner controls the money, so I cannot get to it or must ask before I spend."
    ],
    [
     "controls-me",
     "My partner decides where I go, what I wear, or who I talk to."
    ],
    [
     "sexual-force",
     "My partner has pressured or forced me into sexual acts I did not want."
    ],
    [
     "afraid-to-say",
     "I am afraid of how my partner will react if I say what I really think or feel."
    ],
    [
     "afraid-of-answers",
     "I would be afraid if my partner saw my answers in this workbook."
    ],
    [
     "i-hurt-partner",
     "I have hurt, threatened, or frightened my partner, or I worry that I might."
    ],
    [
     "self-harm",
     "I have thoughts of hurting myself or ending my life."
    ]
   ]
  }
 },
 "signs-of-erosion": {
  "8094028cda": {
   "items": [
    [
     "check-phone",
     "I check my partner's phone or messages, or want to."
    ],
    [
     "on-edge",
     "I feel on edge when my partner is out without me."
    ],
    [
     "avoid-talking",
     "We avoid talking about what went wrong."
    ],
    [
     "doubt-change",
     "I doubt my partner when they say they will change."
    ],
    [
     "small-to-big",
     "Small things turn into big arguments."
    ],
    [
     "alone-together",
     "I feel alone even when we are together."
    ]
   ]
  }
 },
 "stay-leave-or-wait": {
  "9d85f06465": {
   "prompts": [
    [
     "where-i-am",
     "Where I am today, in a few words: leaning to stay, leaning to leave, or not sure."
    ],
    [
     "if-we-stay",
     "What I would gain and what I would lose if we stay together."
    ],
    [
     "if-we-part",
     "What I would gain and what I would lose if we part."
    ],
    [
     "seen-since",
     "What I have seen since the betrayal: actions, not only words."
    ],
    [
     "need-to-stay",
     "What would need to be true for me to want to stay."
    ],
    [
     "time-to-go",
     "What would tell me it is time to go."
    ],
    [
     "before-deciding",
     "What I need to know or see before I decide, and how long I am willing to wait."
    ],
    [
     "fear-most",
     "What I fear most about each choice."
    ],
    [
     "friend-advice",
     "What I would say to a close friend in my place."
    ],
    [
     "who-can-help",
     "Who can help me think this through: a friend, a counselor, a support line, or someone who knows the law."
    ]
   ]
  }
 },
 "triggers-and-reminders-plan": {
  "f8d5947485": {
   "columns": [
    [
     "trigger",
     "Trigger or reminder"
    ],
    [
     "feel",
     "What I feel"
    ],
    [
     "signal",
     "Our signal"
    ],
    [
     "agreed",
     "What we agreed to do"
    ]
   ]
  }
 },
 "trust-agreements": {
  "1e3ca8c79d": {
   "columns": [
    [
     "asked-for",
     "What my partner asked for, and how much it matters"
    ],
    [
     "offer",
     "What I offer to do (something you can see)"
    ],
    [
     "cost",
     "Cost to me (low / high)"
    ],
    [
     "until-when",
     "Until when, and review date"
    ]
   ]
  }
 },
 "trust-snapshot": {
  "583eb3837a": {
   "items": [
    [
     "predictable",
     "I can usually tell how my partner will act in everyday moments."
    ],
    [
     "small-things",
     "My partner does the small things they say they will do."
    ],
    [
     "words-match",
     "My partner's words and actions match."
    ],
    [
     "tells-early",
     "When plans change, my partner lets me know early."
    ],
    [
     "big-things",
     "I can count on my partner when something big is at stake."
    ],
    [
     "truth",
     "My partner tells me the truth, even when it is hard to hear."
    ],
    [
     "confidence",
     "My partner keeps what I share in confidence private."
    ],
    [
     "agreements",
     "My partner keeps the agreements we have made about other people."
    ],
    [
     "cares-for-me",
     "I feel sure my partner cares about what is good for me."
    ],
    [
     "hard-times",
     "I believe we can face hard times together."
    ],
    [
     "safe-to-tell",
     "I feel safe telling my partner how I really feel."
    ],
    [
     "calm-unseen",
     "When I cannot see what my partner is doing, I still feel calm."
    ]
   ]
  }
 },
 "trust-thought-record": {
  "bdf1a44e11": {
   "columns": [
    [
     "situation",
     "Situation (facts only)"
    ],
    [
     "feeling",
     "Feeling (0-100)"
    ],
    [
     "thought",
     "Thought"
    ],
    [
     "evidence-for",
     "Evidence for"
    ],
    [
     "evidence-against",
     "Evidence against"
    ],
    [
     "balanced",
     "Balanced thought"
    ],
    [
     "what-i-did",
     "What I did"
    ]
   ]
  }
 },
 "understanding-my-choice": {
  "89ac4ac344": {
   "prompts": [
    [
     "what-i-did",
     "What I did, named plainly, with no softening words."
    ],
    [
     "before",
     "What was going on in me and around me in the months before."
    ],
    [
     "choice-points",
     "The moments when I could have chosen differently, and what I chose."
    ],
    [
     "told-myself",
     "What I told myself at the time to make it seem OK."
    ],
    [
     "what-i-own",
     "What I own, fully: my choices, my words, my actions."
    ],
    [
     "cost-to-partner",
     "What my choice has cost my partner, as far as I understand it so far."
    ],
    [
     "guilt-and-shame",
     "Where I feel guilt (I did a bad thing), and where I feel shame (I am bad)."
    ],
    [
     "more-to-tell",
     "If there is more my partner does not know: whether I want to tell, and who I will talk it through with first, such as a therapist of my own."
    ],
    [
     "change-in-me",
     "What I need to change in me so this does not happen again, and who can help."
    ],
    [
     "want-known",
     "What I want my partner to know, when they are ready to hear it."
    ]
   ]
  }
 },
 "weekly-check-in": {
  "7343f059c6": {
   "items": [
    [
     "partner-kept-word",
     "This week, my partner did what they said they would do."
    ],
    [
     "i-kept-word",
     "This week, I did what I said I would do."
    ],
    [
     "safe-to-say",
     "This week, I felt safe to say what was on my mind."
    ],
    [
     "cared-for",
     "This week, I felt cared for by my partner."
    ],
    [
     "calm-moment",
     "This week, we had at least one calm, warm moment together."
    ],
    [
     "handled-with-care",
     "This week, when something was hard, we handled it with care."
    ]
   ]
  }
 },
 "what-i-need-you-to-know": {
  "90144eac92": {
   "prompts": [
    [
     "what-happened",
     "What happened, as I lived it: how I found out, and what that moment was like."
    ],
    [
     "what-i-felt",
     "What I felt then, and what I still feel now."
    ],
    [
     "daily-life",
     "What it has changed in my daily life: sleep, body, work, friends, how I see myself."
    ],
    [
     "how-i-see-us",
     "What it has changed in how I see you, and how I see us."
    ],
    [
     "questions",
     "The questions that keep coming back to me."
    ],
    [
     "miss-most",
     "What I miss most from before."
    ],
    [
     "what-helps",
     "What helps me, even a little, on a hard day."
    ],
    [
     "what-i-need",
     "What I need from you now: things you can do or say."
    ],
    [
     "not-ready",
     "What I am not ready for yet."
    ]
   ]
  }
 }
}
"""
)
