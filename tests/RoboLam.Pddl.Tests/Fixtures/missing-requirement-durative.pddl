(define (domain d)
  (:predicates (p) (q))
  (:durative-action a
; ^ PDDL018
    :parameters ()
    :duration (= ?duration 1)
    :condition (at start (p))
    :effect (at end (q))))
