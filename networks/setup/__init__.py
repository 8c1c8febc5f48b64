"""How coordinators set up their network in the browser: partner organisations and what each
brings, themes (add, describe, archive), focus and learning needs, funding periods, and the
yearly self-check of the preconditions answered by the partners' contact persons."""
