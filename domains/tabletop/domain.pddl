; Tabletop: one robot arm with a gripper moves blocks between stacks on the table and bins.
; The goal vocabulary (on, on-table, in, clear, holding, hand-empty) is fixed by the intent layer;
; the five actions are the ones a robot file binds to motion.
(define (domain tabletop)
  (:requirements :strips :typing :equality :disjunctive-preconditions :universal-preconditions :constraints)
  (:types block bin - object)

  (:predicates
    (on ?x - block ?y - block)   ; x stands directly on y
    (on-table ?x - block)        ; x stands on the table
    (in ?x - block ?b - bin)     ; x lies in bin b (out of play: the arm does not take it out)
    (clear ?x - block)           ; nothing stands on x and x is not held or binned: it can be grasped or stacked on
    (holding ?x - block)         ; the gripper holds x
    (hand-empty))                ; the gripper is empty

  ; Safety invariant, never broken by any plan: the gripper never holds two blocks. The actions already keep
  ; it (pick and unstack need hand-empty); stating it makes the planner prune and the validator reject any
  ; state that breaks it, also after an edit of the actions.
  (:constraints
    (always (forall (?a ?b - block) (imply (and (holding ?a) (holding ?b)) (= ?a ?b)))))

  ; Grasp a block that stands alone on the table.
  (:action pick
    :parameters (?b - block)
    :precondition (and (clear ?b) (on-table ?b) (hand-empty))
    :effect (and (holding ?b)
                 (not (on-table ?b)) (not (clear ?b)) (not (hand-empty))))

  ; Grasp the top block ?b of a stack, lifting it off ?c.
  (:action unstack
    :parameters (?b - block ?c - block)
    :precondition (and (on ?b ?c) (clear ?b) (hand-empty))
    :effect (and (holding ?b) (clear ?c)
                 (not (on ?b ?c)) (not (clear ?b)) (not (hand-empty))))

  ; Set the held block ?b on top of block ?c.
  (:action place-on
    :parameters (?b - block ?c - block)
    :precondition (and (holding ?b) (clear ?c))
    :effect (and (on ?b ?c) (clear ?b) (hand-empty)
                 (not (holding ?b)) (not (clear ?c))))

  ; Set the held block down on a free spot of the table.
  (:action put-down
    :parameters (?b - block)
    :precondition (holding ?b)
    :effect (and (on-table ?b) (clear ?b) (hand-empty)
                 (not (holding ?b))))

  ; Drop the held block into a bin.
  (:action put-in
    :parameters (?b - block ?bin - bin)
    :precondition (holding ?b)
    :effect (and (in ?b ?bin) (hand-empty)
                 (not (holding ?b)))))
