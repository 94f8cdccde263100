package io.tongban.mappings;

/** Whom a record is about: a natural person (identity number) or a legal entity (credit code). */
public enum SubjectType {
    PERSON,
    LEGAL_ENTITY
}
