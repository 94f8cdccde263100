package io.tongban.routes.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Before any reader of the log answers: everything acknowledged so far must be in the tables it reads. */
class ReadableLogInterceptor implements HandlerInterceptor {

    private final ExchangeLog log;

    ReadableLogInterceptor(ExchangeLog log) {
        this.log = log;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        log.awaitReadable();
        return true;
    }
}
