package dev.refinery;

class AuthorisationMatrixOnH2Tests extends AuthorisationMatrixTests {
}
