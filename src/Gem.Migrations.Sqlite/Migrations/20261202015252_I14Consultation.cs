using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I14Consultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationCaseSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationCaseSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationPublicQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Domains = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBySpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedQuestion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PublishedAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationPublicQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationSpecialists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Discipline = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSpecialists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationSpecialists_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsultationSpecialists_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    AskerPartnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AskerSector = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Domains = table.Column<int>(type: "INTEGER", nullable: false),
                    Tried = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PersonView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NetworkView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CoConsultantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReassignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBySpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeetingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesSpent = table.Column<int>(type: "INTEGER", nullable: false),
                    Useful = table.Column<bool>(type: "INTEGER", nullable: true),
                    NextStep = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationRequests_ConsultationCaseSessions_CaseSessionId",
                        column: x => x.CaseSessionId,
                        principalTable: "ConsultationCaseSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConsultationRequests_ConsultationSpecialists_SpecialistId",
                        column: x => x.SpecialistId,
                        principalTable: "ConsultationSpecialists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationRota",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationRota", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationRota_ConsultationSpecialists_SpecialistId",
                        column: x => x.SpecialistId,
                        principalTable: "ConsultationSpecialists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationCaseSessions_Start",
                table: "ConsultationCaseSessions",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPublicQuestions_PublishedAt",
                table: "ConsultationPublicQuestions",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationPublicQuestions_Token",
                table: "ConsultationPublicQuestions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_AskerUserId",
                table: "ConsultationRequests",
                column: "AskerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_CaseSessionId",
                table: "ConsultationRequests",
                column: "CaseSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_SpecialistId",
                table: "ConsultationRequests",
                column: "SpecialistId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status_DueAt",
                table: "ConsultationRequests",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_SubjectUserId",
                table: "ConsultationRequests",
                column: "SubjectUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRota_SpecialistId",
                table: "ConsultationRota",
                column: "SpecialistId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRota_WeekStart_SpecialistId",
                table: "ConsultationRota",
                columns: new[] { "WeekStart", "SpecialistId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSpecialists_PartnerId",
                table: "ConsultationSpecialists",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSpecialists_UserId",
                table: "ConsultationSpecialists",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationPublicQuestions");

            migrationBuilder.DropTable(
                name: "ConsultationRequests");

            migrationBuilder.DropTable(
                name: "ConsultationRota");

            migrationBuilder.DropTable(
                name: "ConsultationCaseSessions");

            migrationBuilder.DropTable(
                name: "ConsultationSpecialists");
        }
    }
}
