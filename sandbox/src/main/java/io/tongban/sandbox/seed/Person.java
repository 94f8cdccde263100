package io.tongban.sandbox.seed;

import java.time.LocalDate;

/**
 * A natural person as public security holds them (the authoritative identity record).
 *
 * @param genderCode GB/T 2261.1: 1 male, 2 female
 * @param ethnicityCode GB/T 3304, e.g. 01 Han
 * @param addressDivision division code (GB/T 2260) of the registered address
 * @param status RYZT: 0 normal, 1 deceased, 2 moved out, 3 cancelled
 */
public record Person(String identityNumber, String name, String genderCode, String ethnicityCode,
                     LocalDate birthDate, String address, String addressDivision, String status) {
}
