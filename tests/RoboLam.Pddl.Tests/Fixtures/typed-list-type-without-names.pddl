(define (domain d)
  (:requirements :typing)
  (:types - block)
;         ^ PDDL005
  (:predicates (p)))
