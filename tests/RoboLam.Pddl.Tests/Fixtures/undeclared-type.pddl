(define (domain d)
  (:requirements :typing)
  (:types block)
  (:predicates (clear ?b - blok))
;                     ^ PDDL010
  (:action a :parameters (?b - block) :precondition (clear ?b) :effect (not (clear ?b))))
