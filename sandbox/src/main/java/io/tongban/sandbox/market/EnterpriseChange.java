package io.tongban.sandbox.market;

import java.time.LocalDate;

/**
 * One line of a change file.
 *
 * @param item BGXM: 企业名称, 住所, 法定代表人, 登记状态, 注册资本, 经营范围
 */
public record EnterpriseChange(String creditCode, String item, String before, String after, LocalDate date) {
}
