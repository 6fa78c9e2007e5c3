// PDDL 3.1 as the International Planning Competition uses it: domains and problems, case-insensitive,
// ';' comments. The grammar is deliberately a little more permissive than the BNF where that keeps
// prediction cheap and error messages clear: typed lists are flat sequences of names and '- type'
// items, sections may come in any order, and goal descriptions accept every modal and timed form.
// The AST builder (PddlAstBuilder) groups, orders and validates; the checker (PddlChecker) reports
// misuse such as a timed condition outside a durative action.
grammar Pddl;

options
{
    caseInsensitive = true;
}

// ---------------------------------------------------------------------------------------------
// Files

domainFile
    : LP DEFINE LP DOMAIN name RP domainItem* RP EOF
    ;

problemFile
    : LP DEFINE LP PROBLEM name RP problemItem* RP EOF
    ;

// ---------------------------------------------------------------------------------------------
// Domain sections

domainItem
    : LP REQUIREMENTS requirementKey* RP                       # requirementsSection
    | LP TYPES typedItem* RP                                   # typesSection
    | LP CONSTANTS typedItem* RP                               # constantsSection
    | LP PREDICATES predicateSkeleton* RP                      # predicatesSection
    | LP FUNCTIONS functionItem* RP                            # functionsSection
    | LP CONSTRAINTS_KEY goalDescription RP                    # domainConstraintsSection
    | LP ACTION name actionItem* RP                            # actionSection
    | LP DURATIVE_ACTION name actionItem* RP                   # durativeActionSection
    | LP DERIVED predicateSkeleton goalDescription RP          # derivedSection
    ;

requirementKey
    : KEYWORD
    | CONSTRAINTS_KEY
    ;

// A flat typed list: names (or variables) followed by an optional '- type'; the builder groups them.
// Hot paths (typed lists, initial facts, terms) match the name tokens directly instead of calling the
// 'name' rule: one parse-tree node less per name in a 100,000-fact :init.
typedItem
    : word=(NAME | AT | START | END | OVER | ALL)               # typedName
    | VARIABLE                                                 # typedVariable
    | MINUS typeRef                                            # typedParent
    ;

typeRef
    : name                                                     # primitiveType
    | LP EITHER name+ RP                                       # eitherType
    ;

predicateSkeleton
    : LP name typedItem* RP
    ;

functionItem
    : predicateSkeleton                                        # functionSkeleton
    | MINUS typeRef                                            # functionResult
    ;

actionItem
    : PARAMETERS LP typedItem* RP                              # parametersPart
    | PRECONDITION goalDescription                             # preconditionPart
    | CONDITION goalDescription                                # conditionPart
    | DURATION goalDescription                                 # durationPart
    | EFFECT effect                                            # effectPart
    ;

// ---------------------------------------------------------------------------------------------
// Goal descriptions (preconditions, goals, durative conditions, derived bodies, constraints)

goalDescription
    : LP RP                                                    # emptyGoal
    | LP AND goalDescription* RP                               # andGoal
    | LP OR goalDescription* RP                                # orGoal
    | LP NOT goalDescription RP                                # notGoal
    | LP IMPLY goalDescription goalDescription RP              # implyGoal
    | LP EXISTS LP typedItem* RP goalDescription RP            # existsGoal
    | LP FORALL LP typedItem* RP goalDescription RP            # forallGoal
    | LP PREFERENCE name? goalDescription RP                   # preferenceGoal
    | LP AT START goalDescription RP                           # atStartGoal
    | LP AT END goalDescription RP                             # atEndGoal
    | LP OVER ALL goalDescription RP                           # overAllGoal
    | LP modal=(ALWAYS | SOMETIME | AT_MOST_ONCE) goalDescription RP                    # unaryModalGoal
    | LP modal=(SOMETIME_AFTER | SOMETIME_BEFORE) goalDescription goalDescription RP    # binaryModalGoal
    | LP modal=(WITHIN | HOLD_AFTER) number goalDescription RP                          # timedModalGoal
    | LP ALWAYS_WITHIN number goalDescription goalDescription RP                        # alwaysWithinGoal
    | LP HOLD_DURING number number goalDescription RP                                   # holdDuringGoal
    | LP comparison numericExpr numericExpr RP                 # comparisonGoal
    | LP predicate=(NAME | AT | START | END | OVER | ALL) term* RP                       # atomGoal
    ;

comparison
    : EQUALS
    | LT
    | LE
    | GT
    | GE
    ;

term
    : word=(NAME | AT | START | END | OVER | ALL)               # nameTerm
    | VARIABLE                                                 # variableTerm
    | LP name term* RP                                         # functionTerm
    ;

// Numeric expressions; a bare name or variable is accepted so that '=' can compare objects too.
numericExpr
    : number                                                   # numberExpr
    | VARIABLE                                                 # variableExpr
    | HASH_T                                                   # timeExpr
    | name                                                     # nameExpr
    | LP op=(PLUS | MINUS | STAR | SLASH) numericExpr numericExpr* RP              # arithmeticExpr
    | LP IS_VIOLATED name RP                                   # isViolatedExpr
    | LP name term* RP                                         # functionExpr
    ;

number
    : MINUS? NUMBER
    ;

// ---------------------------------------------------------------------------------------------
// Effects

effect
    : LP RP                                                    # emptyEffect
    | LP AND effect* RP                                        # andEffect
    | LP NOT LP name term* RP RP                               # deleteEffect
    | LP FORALL LP typedItem* RP effect RP                     # forallEffect
    | LP WHEN goalDescription effect RP                        # whenEffect
    | LP AT START effect RP                                    # atStartEffect
    | LP AT END effect RP                                      # atEndEffect
    | LP op=(ASSIGN | INCREASE | DECREASE | SCALE_UP | SCALE_DOWN) term numericExpr RP  # numericEffect
    | LP name term* RP                                         # addEffect
    ;

// ---------------------------------------------------------------------------------------------
// Problem sections

problemItem
    : LP DOMAIN_KEY name RP                                    # domainReference
    | LP REQUIREMENTS requirementKey* RP                       # problemRequirements
    | LP OBJECTS typedItem* RP                                 # objectsSection
    | LP INIT (groundAtom | initElement)* RP                   # initSection
    | LP GOAL goalDescription RP                               # goalSection
    | LP CONSTRAINTS_KEY goalDescription RP                    # problemConstraintsSection
    | LP METRIC name numericExpr RP                            # metricSection
    ;

// The usual fact (p a b) is a groundAtom directly in :init, one parse-tree node per fact; these are the others.
initElement
    : LP AT number (groundAtom | initElement) RP               # timedInit
    | LP EQUALS groundFunction initValue RP                    # functionInit
    | LP NOT groundAtom RP                                     # negatedInit
    ;

// An initial fact names objects only: no variables, no function terms.
groundAtom
    : LP predicate=(NAME | AT | START | END | OVER | ALL) (NAME | AT | START | END | OVER | ALL)* RP
    ;

// (f a b), or f alone for a function without arguments.
groundFunction
    : LP (NAME | AT | START | END | OVER | ALL)+ RP             # appliedFunction
    | word=(NAME | AT | START | END | OVER | ALL)               # constantFunction
    ;

initValue
    : number                                                   # numberValue
    | name                                                     # objectValue
    ;

// Keywords that are also ordinary names in real domains ('at' is a predicate in most of them).
name
    : NAME
    | AT
    | START
    | END
    | OVER
    | ALL
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

LP : '(';
RP : ')';
MINUS : '-';
PLUS : '+';
STAR : '*';
SLASH : '/';
EQUALS : '=';
LT : '<';
LE : '<=';
GT : '>';
GE : '>=';
HASH_T : '#t';

DEFINE : 'define';
DOMAIN : 'domain';
PROBLEM : 'problem';

REQUIREMENTS : ':requirements';
TYPES : ':types';
CONSTANTS : ':constants';
PREDICATES : ':predicates';
FUNCTIONS : ':functions';
CONSTRAINTS_KEY : ':constraints';
ACTION : ':action';
DURATIVE_ACTION : ':durative-action';
DERIVED : ':derived';
PARAMETERS : ':parameters';
PRECONDITION : ':precondition';
CONDITION : ':condition';
DURATION : ':duration';
EFFECT : ':effect';
DOMAIN_KEY : ':domain';
OBJECTS : ':objects';
INIT : ':init';
GOAL : ':goal';
METRIC : ':metric';

AND : 'and';
OR : 'or';
NOT : 'not';
IMPLY : 'imply';
EXISTS : 'exists';
FORALL : 'forall';
WHEN : 'when';
EITHER : 'either';
PREFERENCE : 'preference';
AT : 'at';
START : 'start';
END : 'end';
OVER : 'over';
ALL : 'all';
ALWAYS : 'always';
SOMETIME : 'sometime';
WITHIN : 'within';
AT_MOST_ONCE : 'at-most-once';
SOMETIME_AFTER : 'sometime-after';
SOMETIME_BEFORE : 'sometime-before';
ALWAYS_WITHIN : 'always-within';
HOLD_DURING : 'hold-during';
HOLD_AFTER : 'hold-after';
IS_VIOLATED : 'is-violated';
ASSIGN : 'assign';
INCREASE : 'increase';
DECREASE : 'decrease';
SCALE_UP : 'scale-up';
SCALE_DOWN : 'scale-down';

// Any other ':word', such as a requirement flag.
KEYWORD : ':' NAME_START NAME_PART*;
VARIABLE : '?' NAME_START NAME_PART*;
NAME : NAME_START NAME_PART*;
NUMBER : DIGIT+ ('.' DIGIT*)? | '.' DIGIT+;

COMMENT : ';' ~[\r\n]* -> skip;
WHITESPACE : [ \t\r\n\f]+ -> skip;

fragment NAME_START : [a-z];
fragment NAME_PART : [a-z0-9_\-];
fragment DIGIT : [0-9];
