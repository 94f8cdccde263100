package io.tongban.sandbox.seed;

import java.time.LocalDate;

/**
 * A taxpayer registration: a company under its credit code or a natural person under the identity number.
 *
 * @param status NSRZT: 03 normal, 05 suspended, 07 deregistered, 09 abnormal
 * @param creditGrade NSRXYDJ: A, B, M, C, D
 * @param arrears QSBZ: Y or N
 */
public record Taxpayer(String taxpayerId, String name, String status, String creditGrade, String arrears,
                       LocalDate registeredOn, String taxOffice) {
}
