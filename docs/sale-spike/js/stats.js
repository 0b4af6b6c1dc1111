var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "22488",
        "ok": "22488",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "15268",
        "ok": "15268",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "6526",
        "ok": "6526",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "3769",
        "ok": "3769",
        "ko": "-"
    },
    "percentiles1": {
        "total": "5761",
        "ok": "5761",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10296",
        "ok": "10296",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12205",
        "ok": "12205",
        "ko": "-"
    },
    "percentiles4": {
        "total": "12928",
        "ok": "12928",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 1190,
    "percentage": 5.291711134827463
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 768,
    "percentage": 3.4151547491995733
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 20530,
    "percentage": 91.29313411597296
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "197.26",
        "ok": "197.26",
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
        "total": "46",
        "ok": "46",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "14000",
        "ok": "14000",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "6479",
        "ok": "6479",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "3735",
        "ok": "3735",
        "ko": "-"
    },
    "percentiles1": {
        "total": "5612",
        "ok": "5610",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10309",
        "ok": "10309",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12122",
        "ok": "12122",
        "ko": "-"
    },
    "percentiles4": {
        "total": "12743",
        "ok": "12743",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 772,
    "percentage": 4.288888888888889
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 678,
    "percentage": 3.7666666666666666
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 16550,
    "percentage": 91.94444444444444
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "157.89",
        "ok": "157.89",
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
        "total": "937",
        "ok": "937",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "82",
        "ok": "82",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "14000",
        "ok": "14000",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "6683",
        "ok": "6683",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "3124",
        "ok": "3124",
        "ko": "-"
    },
    "percentiles1": {
        "total": "5924",
        "ok": "5924",
        "ko": "-"
    },
    "percentiles2": {
        "total": "8650",
        "ok": "8650",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12219",
        "ok": "12219",
        "ko": "-"
    },
    "percentiles4": {
        "total": "12866",
        "ok": "12866",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 26,
    "percentage": 2.774813233724653
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 9,
    "percentage": 0.96051227321238
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 902,
    "percentage": 96.26467449306297
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.22",
        "ok": "8.22",
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
        "total": "937",
        "ok": "937",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "156",
        "ok": "156",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "14318",
        "ok": "14318",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "7374",
        "ok": "7374",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "3491",
        "ok": "3491",
        "ko": "-"
    },
    "percentiles1": {
        "total": "6784",
        "ok": "6784",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10770",
        "ok": "10770",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12760",
        "ok": "12760",
        "ko": "-"
    },
    "percentiles4": {
        "total": "13561",
        "ok": "13561",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 12,
    "percentage": 1.2806830309498398
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 6,
    "percentage": 0.6403415154749199
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 919,
    "percentage": 98.07897545357524
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.22",
        "ok": "8.22",
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
        "total": "937",
        "ok": "937",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "9",
        "ok": "9",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "15268",
        "ok": "15268",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "7146",
        "ok": "7146",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "3835",
        "ok": "3835",
        "ko": "-"
    },
    "percentiles1": {
        "total": "6862",
        "ok": "6862",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10583",
        "ok": "10583",
        "ko": "-"
    },
    "percentiles3": {
        "total": "13017",
        "ok": "13017",
        "ko": "-"
    },
    "percentiles4": {
        "total": "14065",
        "ok": "14065",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 48,
    "percentage": 5.122732123799359
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 24,
    "percentage": 2.5613660618996796
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 865,
    "percentage": 92.31590181430096
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.22",
        "ok": "8.22",
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
        "total": "937",
        "ok": "937",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "14528",
        "ok": "14528",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "6748",
        "ok": "6748",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "4151",
        "ok": "4151",
        "ko": "-"
    },
    "percentiles1": {
        "total": "6450",
        "ok": "6450",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10455",
        "ok": "10455",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12896",
        "ok": "12896",
        "ko": "-"
    },
    "percentiles4": {
        "total": "13477",
        "ok": "13477",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 119,
    "percentage": 12.700106723585913
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 19,
    "percentage": 2.0277481323372464
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 799,
    "percentage": 85.27214514407684
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.22",
        "ok": "8.22",
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
        "total": "548",
        "ok": "548",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "7",
        "ok": "7",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "13399",
        "ok": "13399",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "5386",
        "ok": "5386",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "4499",
        "ok": "4499",
        "ko": "-"
    },
    "percentiles1": {
        "total": "4773",
        "ok": "4773",
        "ko": "-"
    },
    "percentiles2": {
        "total": "9809",
        "ok": "9809",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12300",
        "ok": "12300",
        "ko": "-"
    },
    "percentiles4": {
        "total": "12838",
        "ok": "12838",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 139,
    "percentage": 25.364963503649633
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 28,
    "percentage": 5.109489051094891
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 381,
    "percentage": 69.52554744525547
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.81",
        "ok": "4.81",
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
        "total": "192",
        "ok": "192",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "24",
        "ok": "24",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "13195",
        "ok": "13195",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "5187",
        "ok": "5187",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "4914",
        "ok": "4914",
        "ko": "-"
    },
    "percentiles1": {
        "total": "4071",
        "ok": "4071",
        "ko": "-"
    },
    "percentiles2": {
        "total": "10174",
        "ok": "10174",
        "ko": "-"
    },
    "percentiles3": {
        "total": "12502",
        "ok": "12502",
        "ko": "-"
    },
    "percentiles4": {
        "total": "12817",
        "ok": "12817",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 74,
    "percentage": 38.54166666666667
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 4,
    "percentage": 2.083333333333333
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 114,
    "percentage": 59.375
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "1.68",
        "ok": "1.68",
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
