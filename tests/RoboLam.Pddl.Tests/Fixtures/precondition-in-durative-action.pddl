(define (domain d)
  (:requirements :durative-actions)
  (:predicates (p ?x) (q ?x))
  (:durative-action a
    :parameters (?x)
    :duration (= ?duration 1)
    :precondition (p ?x)
;   ^ PDDL007
    :effect (at end (q ?x))))
