; A table is a surface but not a block: the subtype is accepted as a surface, refused as a block.
(define (domain d)
  (:requirements :typing)
  (:types block table - surface)
  (:predicates (on ?b - block ?s - surface) (holding ?b - block))
  (:action put :parameters (?b - block ?t - table) :precondition (holding ?t) :effect (on ?b ?t)))
;                                                                         ^ PDDL016
