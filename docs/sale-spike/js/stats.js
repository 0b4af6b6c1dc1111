var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "37502",
        "ok": "37502",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3011",
        "ok": "3011",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "423",
        "ok": "423",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "536",
        "ok": "536",
        "ko": "-"
    },
    "percentiles1": {
        "total": "182",
        "ok": "182",
        "ko": "-"
    },
    "percentiles2": {
        "total": "546",
        "ok": "546",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1645",
        "ok": "1645",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1984",
        "ok": "1984",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 30309,
    "percentage": 80.81968961655377
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 2088,
    "percentage": 5.567703055837022
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 5105,
    "percentage": 13.612607327609194
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "375.02",
        "ok": "375.02",
        "ko": "-"
    }
},
contents: {
"req_pos-event--957987410": {
        type: "REQUEST",
        name: "POS event",
path: "POS event",
pathFormatted: "req_pos-event--957987410",
stats: {
    "name": "POS event",
    "numberOfRequests": {
        "total": "18000",
        "ok": "18000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2916",
        "ok": "2916",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "448",
        "ok": "448",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "561",
        "ok": "561",
        "ko": "-"
    },
    "percentiles1": {
        "total": "185",
        "ok": "185",
        "ko": "-"
    },
    "percentiles2": {
        "total": "571",
        "ok": "571",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1707",
        "ok": "1707",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1996",
        "ok": "1996",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 14310,
    "percentage": 79.5
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 925,
    "percentage": 5.138888888888888
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 2765,
    "percentage": 15.36111111111111
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "180",
        "ok": "180",
        "ko": "-"
    }
}
    },"req_jsf-home--1490858238": {
        type: "REQUEST",
        name: "JSF home",
path: "JSF home",
pathFormatted: "req_jsf-home--1490858238",
stats: {
    "name": "JSF home",
    "numberOfRequests": {
        "total": "4058",
        "ok": "4058",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2612",
        "ok": "2612",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "397",
        "ok": "397",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "500",
        "ok": "500",
        "ko": "-"
    },
    "percentiles1": {
        "total": "194",
        "ok": "194",
        "ko": "-"
    },
    "percentiles2": {
        "total": "493",
        "ok": "493",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1546",
        "ok": "1546",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1810",
        "ok": "1810",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3364,
    "percentage": 82.89797930014787
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 184,
    "percentage": 4.534253326761951
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 510,
    "percentage": 12.567767373090192
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "40.58",
        "ok": "40.58",
        "ko": "-"
    }
}
    },"req_jsf-listing--811595391": {
        type: "REQUEST",
        name: "JSF listing",
path: "JSF listing",
pathFormatted: "req_jsf-listing--811595391",
stats: {
    "name": "JSF listing",
    "numberOfRequests": {
        "total": "4058",
        "ok": "4058",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2139",
        "ok": "2139",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "338",
        "ok": "338",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "460",
        "ok": "460",
        "ko": "-"
    },
    "percentiles1": {
        "total": "137",
        "ok": "137",
        "ko": "-"
    },
    "percentiles2": {
        "total": "408",
        "ok": "408",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1413",
        "ok": "1413",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1716",
        "ok": "1716",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3431,
    "percentage": 84.54903893543617
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 216,
    "percentage": 5.322819122720552
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 411,
    "percentage": 10.128141941843273
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "40.58",
        "ok": "40.58",
        "ko": "-"
    }
}
    },"req_jsf-search-2109653771": {
        type: "REQUEST",
        name: "JSF search",
path: "JSF search",
pathFormatted: "req_jsf-search-2109653771",
stats: {
    "name": "JSF search",
    "numberOfRequests": {
        "total": "4058",
        "ok": "4058",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2249",
        "ok": "2249",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "346",
        "ok": "346",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "470",
        "ok": "470",
        "ko": "-"
    },
    "percentiles1": {
        "total": "140",
        "ok": "140",
        "ko": "-"
    },
    "percentiles2": {
        "total": "425",
        "ok": "425",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1450",
        "ok": "1450",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1765",
        "ok": "1765",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3430,
    "percentage": 84.52439625431248
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 205,
    "percentage": 5.051749630359783
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 423,
    "percentage": 10.423854115327748
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "40.58",
        "ok": "40.58",
        "ko": "-"
    }
}
    },"req_jsf-product-pag-575851075": {
        type: "REQUEST",
        name: "JSF product page",
path: "JSF product page",
pathFormatted: "req_jsf-product-pag-575851075",
stats: {
    "name": "JSF product page",
    "numberOfRequests": {
        "total": "4058",
        "ok": "4058",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2670",
        "ok": "2670",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "352",
        "ok": "352",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "473",
        "ok": "473",
        "ko": "-"
    },
    "percentiles1": {
        "total": "144",
        "ok": "144",
        "ko": "-"
    },
    "percentiles2": {
        "total": "437",
        "ok": "437",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1456",
        "ok": "1456",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1783",
        "ok": "1783",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3399,
    "percentage": 83.76047313947758
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 226,
    "percentage": 5.569245933957615
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 433,
    "percentage": 10.670280926564809
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "40.58",
        "ok": "40.58",
        "ko": "-"
    }
}
    },"req_api-add-to-bag-669729576": {
        type: "REQUEST",
        name: "API add to bag",
path: "API add to bag",
pathFormatted: "req_api-add-to-bag-669729576",
stats: {
    "name": "API add to bag",
    "numberOfRequests": {
        "total": "2449",
        "ok": "2449",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "7",
        "ok": "7",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3011",
        "ok": "3011",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "580",
        "ok": "580",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "598",
        "ok": "598",
        "ko": "-"
    },
    "percentiles1": {
        "total": "349",
        "ok": "349",
        "ko": "-"
    },
    "percentiles2": {
        "total": "829",
        "ok": "829",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1880",
        "ok": "1880",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2281",
        "ok": "2281",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 1811,
    "percentage": 73.94855042874643
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 240,
    "percentage": 9.799918334013883
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 398,
    "percentage": 16.25153123723969
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "24.49",
        "ok": "24.49",
        "ko": "-"
    }
}
    },"req_api-checkout-145574060": {
        type: "REQUEST",
        name: "API checkout",
path: "API checkout",
pathFormatted: "req_api-checkout-145574060",
stats: {
    "name": "API checkout",
    "numberOfRequests": {
        "total": "821",
        "ok": "821",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "18",
        "ok": "18",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "2789",
        "ok": "2789",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "692",
        "ok": "692",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "665",
        "ok": "665",
        "ko": "-"
    },
    "percentiles1": {
        "total": "455",
        "ok": "455",
        "ko": "-"
    },
    "percentiles2": {
        "total": "998",
        "ok": "998",
        "ko": "-"
    },
    "percentiles3": {
        "total": "2113",
        "ok": "2113",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2465",
        "ok": "2465",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 564,
    "percentage": 68.69671132764921
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 92,
    "percentage": 11.20584652862363
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 165,
    "percentage": 20.09744214372716
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.21",
        "ok": "8.21",
        "ko": "-"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
