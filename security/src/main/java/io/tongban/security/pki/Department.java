package io.tongban.security.pki;

import java.util.List;

/**
 * An organisation the bus issues a signing certificate to: its short name (file and CLI name), its
 * organisation name, its unit and its unified social credit code.
 */
public record Department(String name, String organisation, String unit, String creditCode) {

    public Department {
        CreditCode.requireValid(creditCode);
        if (!name.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("department name must be lower-case letters, digits and '-': " + name);
        }
    }

    /** The departments, the one-window platform, the timestamp authority and the exchange log of the demo PKI. */
    public static final String PLATFORM = "platform";
    public static final String TSA = "tsa";
    /** Signs the checkpoints of the exchange log; verifiers accept checkpoints from this identity only. */
    public static final String EXCHANGE_LOG = "exchange-log";

    public static List<Department> demoDepartments() {
        return List.of(
                new Department("public-security", "深圳市公安局", "人口信息管理", CreditCode.complete("11440300MB0000012")),
                new Department("market-supervision", "深圳市市场监督管理局", "企业登记", CreditCode.complete("11440300MB0000023")),
                new Department("tax", "国家税务总局深圳市税务局", "纳税服务", CreditCode.complete("11440300MB0000034")),
                new Department("social-security", "深圳市人力资源和社会保障局", "社会保险", CreditCode.complete("11440300MB0000045")),
                new Department(PLATFORM, "深圳市政务服务数据管理局", "一网通办平台", CreditCode.complete("11440300MB0000056")),
                new Department(TSA, "深圳市政务服务数据管理局", "通办总线时间戳服务", CreditCode.complete("11440300MB0000067")),
                new Department(EXCHANGE_LOG, "深圳市政务服务数据管理局", "通办总线交换日志", CreditCode.complete("11440300MB0000089")));
    }
}
