; The same order for six parts (sim/factory-six-parts.json): the makespan claim of issue 7.
(define (problem factory-p06)
  (:domain factory)
  (:objects p1 p2 p3 p4 p5 p6 - part
            input drill paint inspect output - station
            red blue green - color)
  (:init (at p1 input) (at p2 input) (at p3 input) (at p4 input) (at p5 input) (at p6 input)
         (input-station input) (drilling-station drill) (painting-station paint)
         (inspection-station inspect) (output-station output)
         (conveyor input drill) (conveyor drill paint) (conveyor paint inspect) (conveyor inspect output)
         (= (total-cost) 0))
  (:goal (and (drilled p1) (painted p1 blue) (inspected p1) (at p1 output)
              (drilled p2) (painted p2 blue) (inspected p2) (at p2 output)
              (drilled p3) (painted p3 blue) (inspected p3) (at p3 output)
              (drilled p4) (painted p4 blue) (inspected p4) (at p4 output)
              (drilled p5) (painted p5 blue) (inspected p5) (at p5 output)
              (drilled p6) (painted p6 blue) (inspected p6) (at p6 output)))
  (:metric minimize (total-cost)))
