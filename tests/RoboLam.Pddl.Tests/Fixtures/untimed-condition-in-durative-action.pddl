(define (domain d)
  (:requirements :durative-actions)
  (:predicates (p ?x) (q ?x))
  (:durative-action a
    :parameters (?x)
    :duration (= ?duration 2)
    :condition (and (at start (p ?x)) (q ?x))
;                                     ^ PDDL022
    :effect (at end (q ?x))))
