package io.tongban.sandbox.seed;

import java.util.List;

/** Word lists the generator draws from: real GB/T 2260 divisions, common names, streets, trades. */
final class Vocabulary {

    /** A county-level division and how addresses in it begin. */
    record Division(String code, String province, String city, String district) {

        String addressPrefix() {
            return province + city + district;
        }

        /** The city as it appears in authority names ("深圳市", "北京市"). */
        String cityName() {
            return city.isEmpty() ? province : city;
        }

        String cityShort() {
            String name = cityName();
            return name.substring(0, name.length() - 1);
        }
    }

    static final List<Division> DIVISIONS = List.of(
            new Division("440303", "广东省", "深圳市", "罗湖区"),
            new Division("440304", "广东省", "深圳市", "福田区"),
            new Division("440305", "广东省", "深圳市", "南山区"),
            new Division("440306", "广东省", "深圳市", "宝安区"),
            new Division("440307", "广东省", "深圳市", "龙岗区"),
            new Division("440604", "广东省", "佛山市", "禅城区"),
            new Division("440605", "广东省", "佛山市", "南海区"),
            new Division("440606", "广东省", "佛山市", "顺德区"),
            new Division("441900", "广东省", "东莞市", ""),
            new Division("440106", "广东省", "广州市", "天河区"),
            new Division("110101", "北京市", "", "东城区"),
            new Division("110105", "北京市", "", "朝阳区"),
            new Division("310104", "上海市", "", "徐汇区"),
            new Division("310115", "上海市", "", "浦东新区"),
            new Division("430102", "湖南省", "长沙市", "芙蓉区"),
            new Division("450103", "广西壮族自治区", "南宁市", "青秀区"),
            new Division("510104", "四川省", "成都市", "锦江区"),
            new Division("360102", "江西省", "南昌市", "东湖区"));

    /** Registered addresses lean to the Pearl River Delta, where the bus is piloted. */
    static final List<Division> HOME_DIVISIONS = DIVISIONS.subList(0, 10);

    static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
            "董", "袁", "潘", "蔡", "蒋", "余", "欧阳", "司马");

    static final List<String> MALE_GIVEN = List.of(
            "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "斌",
            "宇", "浩", "凯", "健", "俊", "帆", "晨", "志", "建", "国", "文", "博", "海");

    static final List<String> FEMALE_GIVEN = List.of(
            "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "婷", "颖", "慧", "倩", "雪", "琳",
            "晶", "洁", "红", "梅", "莉", "萍", "欣", "怡", "佳", "悦", "雯", "薇", "兰");

    /** GB/T 3304 codes other than 01 Han. */
    static final List<String> MINORITY_ETHNICITIES = List.of("02", "03", "04", "05", "06", "07", "08", "09", "10", "11");

    static final List<String> STREETS = List.of(
            "深南大道", "科技园路", "人民路", "中山路", "解放路", "建设路", "新华路", "文化路", "和平路", "东风路",
            "滨河大道", "沿江路", "学府路", "迎宾大道", "青年路", "胜利路", "花园路", "长安街", "光明路", "振兴路");

    static final List<String> ESTATES = List.of(
            "阳光花园", "翠湖苑", "金海湾", "锦绣家园", "碧桂园", "丽景城", "世纪新城", "幸福里", "桃源居", "海悦华庭");

    static final List<String> TRADE_NAMES = List.of(
            "华信", "腾达", "鑫源", "宏图", "恒通", "瑞丰", "创新", "远航", "海纳", "金桥", "天成", "博雅", "明德",
            "安泰", "利民", "新锐", "卓越", "盛世", "汇智", "嘉禾", "正泰", "永安", "东方", "星河", "万象", "启明",
            "同心", "聚力", "万和", "中天");

    /** An industry word for company names and the business scope that goes with it. */
    record Trade(String word, String scope) {
    }

    static final List<Trade> TRADES = List.of(
            new Trade("科技", "软件开发；信息技术咨询服务；技术服务、技术开发、技术咨询、技术转让"),
            new Trade("电子", "电子元器件制造；电子产品销售；货物进出口"),
            new Trade("贸易", "日用百货销售；服装服饰批发；货物进出口, 技术进出口"),
            new Trade("物流", "普通货物仓储服务；国内货物运输代理；道路货物运输（不含危险货物）"),
            new Trade("餐饮管理", "餐饮服务；食品销售；餐饮管理"),
            new Trade("建筑工程", "建设工程施工；建筑材料销售；园林绿化工程施工"),
            new Trade("医疗器械", "第二类医疗器械销售；医疗设备租赁, 健康咨询服务"),
            new Trade("文化传播", "组织文化艺术交流活动；广告设计、代理；会议及展览服务"),
            new Trade("新能源", "太阳能发电技术服务；储能技术服务；电池销售"),
            new Trade("教育咨询", "教育咨询服务（不含涉许可审批的教育培训活动）；企业管理咨询"));

    static final List<String> COMPANY_TYPES = List.of(
            "有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "有限责任公司（法人独资）", "股份有限公司（非上市）");

    static final List<String> SHOPS = List.of("便利店", "五金店", "小吃店", "理发店", "服装店", "水果店", "汽车维修部");

    static final List<String> CROPS = List.of("蔬菜种植", "水果种植", "水产养殖", "茶叶种植");

    private Vocabulary() {
    }
}
